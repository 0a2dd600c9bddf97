package io.bankflow.httpapi.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses http-api the way Bankflow services do: only by having it on the classpath. */
@SpringBootApplication
class SampleApplication {}
