/**
 * The use cases of webhook endpoints, one class each. Callers pass the organisation they act for; every use case scopes
 * what it reads and writes to it.
 */
@NullMarked
package io.bankflow.webhookingest.endpoints.application;

import org.jspecify.annotations.NullMarked;
