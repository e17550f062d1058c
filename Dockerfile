# syntax=docker/dockerfile:1
# Two stages: build the fat jar with the Maven wrapper on a Temurin 17 JDK, run it on a Temurin 17
# JRE. Both are Ubuntu (Debian family) based: glibc for SQLite's native library, and bash for the
# health check.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY bot-core/ bot-core/
COPY bot-chart/ bot-chart/
COPY bot-storage/ bot-storage/
COPY telegram-adapter/ telegram-adapter/
COPY discord-adapter/ discord-adapter/
COPY bot-app/ bot-app/
COPY bot-bench/pom.xml bot-bench/
COPY bot-faults/pom.xml bot-faults/
# The cache mount keeps downloaded dependencies between builds; tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl bot-app -am -DskipTests -Dcds.skip package \
    && cp bot-app/target/backcoach.jar /backcoach.jar

FROM eclipse-temurin:17-jre-noble
# Progress charts are drawn in the JVM with a font shipped in the jar, but AWT's font code still
# loads libfreetype (and reads fontconfig's setup) at run time: install both, whatever the base
# image happens to carry.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libfreetype6 fontconfig \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 backcoach \
    && useradd --system --uid 10001 --gid backcoach --home-dir /data --shell /usr/sbin/nologin backcoach \
    && mkdir -p /data /app \
    && chown backcoach:backcoach /data
COPY --from=build /backcoach.jar /app/backcoach.jar
COPY --chmod=0755 deploy/healthcheck.sh /app/healthcheck.sh
COPY --chmod=0755 bin/backcoach /app/backcoach
# The class data sharing archive, from a training run on this image's own JVM (an archive from
# another JVM build would be ignored): start-up takes about half as long. Nothing leaves the build.
RUN java -XX:ArchiveClassesAtExit=/app/backcoach.jsa -Xlog:cds=error -Xlog:cds+dynamic=error \
        -cp /app/backcoach.jar dev.backcoach.app.Training \
    && chmod 0644 /app/backcoach.jsa
# SQLite by default, in the volume; docker-compose.yml points DATABASE_URL at PostgreSQL instead.
ENV DATABASE_URL=jdbc:sqlite:/data/backcoach.db \
    HTTP_PORT=8080
VOLUME /data
WORKDIR /data
USER backcoach:backcoach
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh", "/healthz"]
# SIGTERM is a graceful stop (exit 0): give it the stop timeout the README names (docker stop -t 40).
STOPSIGNAL SIGTERM
# bin/backcoach: heap as a share of the container's memory, the serial GC on up to 2 CPUs, the
# archive above; JAVA_OPTS adds to or overrides them. It execs java, which gets the signals.
ENTRYPOINT ["/app/backcoach"]
