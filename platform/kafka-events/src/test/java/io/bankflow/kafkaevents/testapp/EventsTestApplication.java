package io.bankflow.kafkaevents.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the event plumbing, for the integration tests of this module. */
@SpringBootApplication
public class EventsTestApplication {}
