/** The local stack's OIDC issuer: demo ERP clients, their organisations and roles. */
@NullMarked
package io.bankflow.devissuer;

import org.jspecify.annotations.NullMarked;
