# One image per Bankflow service, from the Boot jar the build made (./bankflow mvn install -DskipTests first).
# Build context: the repository root. docker-compose.yml passes JAR, e.g. sync-service/target/sync-service-exec.jar.
FROM eclipse-temurin:25-jre
ARG JAR
WORKDIR /app
COPY ${JAR} /app/app.jar
# Not root; a fixed uid so volumes and Kubernetes securityContext agree. BANKFLOW_HOME is the one writable place
# (the token vault's local keyset, the dev issuer's client secrets).
RUN useradd --system --uid 10001 --home-dir /app bankflow \
    && mkdir -p /var/lib/bankflow && chown 10001 /var/lib/bankflow
ENV BANKFLOW_HOME=/var/lib/bankflow
USER 10001
# Heap sized from the container's memory limit; no fixed -Xmx to keep in step with the limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
