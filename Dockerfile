# Authlete Testkit mock server.
#   docker build -t authlete-testkit/mock-server:0.1.0-SNAPSHOT .
#   docker run --rm -p 8080:8080 authlete-testkit/mock-server:0.1.0-SNAPSHOT
# Configuration is by environment variables only, the same names as the command line's (README: Command line).

# ---- build: the project's own wrapper and a full JDK
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY spec/ spec/
# the mock's tests run the shared flows: -am builds flows too
COPY flows/ flows/
COPY mock-server/ mock-server/
COPY junit-extension/pom.xml junit-extension/
COPY contract-suite/pom.xml contract-suite/
COPY benchmarks/pom.xml benchmarks/
RUN ./mvnw -B -q -pl mock-server -am -DskipTests package

# ---- run: the executable jar on a JRE, as a user without privileges
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --no-create-home authlete-mock
WORKDIR /app
COPY --from=build /src/mock-server/target/authlete-mock-server.jar /app/authlete-mock-server.jar
# JDK 25 ahead-of-time cache, trained on a start and one code flow with the ENTRYPOINT's own JVM flags:
# the classes of the spec parser, WireMock and Jetty come pre-loaded and linked, which cuts the cold start.
RUN ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=/app/authlete-mock-server.aot", \
     "-cp", "/app/authlete-mock-server.jar", "io.github.authletetestkit.mock.internal.cli.AotTraining"]
USER 10001
ENV AUTHLETE_MOCK_PORT=8080 \
    AUTHLETE_MOCK_BIND=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=10s --start-period=20s --retries=3 \
    CMD ["java", "-cp", "/app/authlete-mock-server.jar", "io.github.authletetestkit.mock.internal.cli.HealthCheck"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:AOTCache=/app/authlete-mock-server.aot", "-jar", "/app/authlete-mock-server.jar"]
