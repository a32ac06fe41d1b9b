# One image recipe for the four services: docker build --build-arg MODULE=status-api -t card-status/status-api .
# MODULE is one of status-api, ingest-producer, status-processor, status-notifier.

# --- build: compile the one module (and what it depends on) with the Maven wrapper
FROM eclipse-temurin:17-jdk AS build
ARG MODULE=status-api
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY card-contract/ card-contract/
COPY partner-formats/ partner-formats/
COPY card-fold/ card-fold/
COPY service-support/ service-support/
COPY ingest-producer/ ingest-producer/
COPY status-processor/ status-processor/
COPY status-api/ status-api/
COPY status-notifier/ status-notifier/
COPY system-tests/pom.xml system-tests/pom.xml
COPY local-stack/pom.xml local-stack/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl "${MODULE}" -am -DskipTests package \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /app.jar

# --- layers: split the Boot jar so dependencies (which rarely change) are their own image layer
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- runtime: JRE only, non-root, read-only friendly (writes only to /tmp)
FROM eclipse-temurin:17-jre
ARG MODULE=status-api
LABEL org.opencontainers.image.title="card-status ${MODULE}" \
      org.opencontainers.image.description="Zywa card status service: ${MODULE}"
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app app
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:+UseParallelGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    SERVER_PORT=8080 \
    SPRING_KAFKA_STREAMS_STATEDIR=/tmp/kafka-streams
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
