package io.bankflow.httpapi.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with secured, role-checked and public endpoints, using http-api only by having it on the classpath. */
@SpringBootApplication
class SecurityTestApplication {}
