/** Sync schedules per connection and the provider's unattended-access quota. */
@NullMarked
package io.bankflow.connection.schedules;

import org.jspecify.annotations.NullMarked;
