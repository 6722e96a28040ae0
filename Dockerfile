# capacityctl long-running controller (ECS mode): `capacityctl run`, health on :8080/healthz.
# Build the jar first: mvn -B -DskipTests package  (writes controller/target/capacityctl.jar).
FROM eclipse-temurin:17-jre

# curl for the ECS container health check (curl -f http://localhost:8080/healthz).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY controller/target/capacityctl.jar /app/capacityctl.jar
# The bundled configurations, so that `run --config schedules/<name>.yaml` reads the same file the
# jar bundles.
COPY schedules/src/main/resources/ /app/schedules/

# No root needed: the controller only calls AWS APIs and listens on an unprivileged port.
USER 10001
EXPOSE 8080
# Size the heap from the task's memory, not the host's; log JSON lines on stdout (the awslogs
# driver ships them to CloudWatch Logs, where Logs Insights can query their fields).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dlog4j2.configurationFile=log4j2-json.xml", \
            "-jar", "/app/capacityctl.jar"]
CMD ["run"]
