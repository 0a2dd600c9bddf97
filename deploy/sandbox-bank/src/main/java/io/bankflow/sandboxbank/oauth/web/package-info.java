@NullMarked
package io.bankflow.sandboxbank.oauth.web;

import org.jspecify.annotations.NullMarked;
