/** What sync jobs need from the outside: their store, the connections' sync targets, access tokens and events. */
@NullMarked
package io.bankflow.sync.jobs.application.port.out;

import org.jspecify.annotations.NullMarked;
