package io.bankflow.tokenvault.tokens.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/connections/{connectionId}/access-token}.
 *
 * @param orgId the organisation the connection belongs to
 */
record AccessTokenRequest(@NotBlank @Size(max = 64) String orgId) {}
