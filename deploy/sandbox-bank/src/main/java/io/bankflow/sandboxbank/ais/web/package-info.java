@NullMarked
package io.bankflow.sandboxbank.ais.web;

import org.jspecify.annotations.NullMarked;
