package io.bankflow.tokenvault.tokens.adapter.in.scheduling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs of the service: the token refresh rounds and the data key rewrap rounds. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
