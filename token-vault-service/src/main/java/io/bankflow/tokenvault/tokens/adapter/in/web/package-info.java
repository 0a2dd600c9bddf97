/** The internal API under /internal, for Bankflow's own services only (role service plus a client allow-list per operation). */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.in.web;

import org.jspecify.annotations.NullMarked;
