package io.bankflow.connection.challenges.adapter.in.scheduling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduled methods for the expiry job (harmless when another feature does too). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChallengeSchedulingConfiguration {}
