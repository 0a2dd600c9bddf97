package io.bankflow.httpapi;

/**
 * One offending input in a 400 problem document's {@code errors} member.
 *
 * @param field where the problem is: a JSON path into the body ({@code lines[0].amount}), or the name of a query,
 *     path or header parameter
 * @param message what is wrong with it, without echoing the value that was sent
 */
public record FieldViolation(String field, String message) {}
