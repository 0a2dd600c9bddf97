/**
 * HTTP API conventions shared by every Bankflow servlet service, applied by auto-configuration.
 *
 * <ul>
 *   <li>Every error is an RFC 9457 {@code application/problem+json} document with a {@code type} under
 *       {@value io.bankflow.httpapi.ProblemTypes#BASE}, the request path as {@code instance} and the
 *       {@code requestId}; see {@link io.bankflow.httpapi.ProblemDetailsAdvice}.
 *   <li>Services signal domain-neutral failures by throwing {@link io.bankflow.httpapi.NotFoundException},
 *       {@link io.bankflow.httpapi.ConflictException} or {@link io.bankflow.httpapi.UnprocessableException}.
 *   <li>Every request carries a request id ({@value io.bankflow.httpapi.RequestIds#HEADER}), available to logs as
 *       the MDC key {@value io.bankflow.httpapi.RequestIds#MDC_KEY} and to code through
 *       {@link io.bankflow.httpapi.RequestIds#current()}.
 *   <li>Every request outside a few public paths needs a bearer JWT naming an organisation; controllers receive the
 *       caller as a {@link io.bankflow.httpapi.security.Caller} (package {@code io.bankflow.httpapi.security}).
 * </ul>
 */
@NullMarked
package io.bankflow.httpapi;

import org.jspecify.annotations.NullMarked;
