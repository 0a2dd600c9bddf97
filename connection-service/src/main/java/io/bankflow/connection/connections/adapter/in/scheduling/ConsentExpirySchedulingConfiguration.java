package io.bankflow.connection.connections.adapter.in.scheduling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs of the connections feature need Spring's scheduling (declaring it twice elsewhere is harmless). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ConsentExpirySchedulingConfiguration {}
