package io.bankflow.tokenvault.tokens.adapter.in.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of the internal API with the operation it performs; {@link ServiceCallerInterceptor} lets only
 * allowed service clients through, before the request body is even read.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ServiceOperation {

    InternalOperation value();
}
