package io.zhibiao.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack of {@code deploy/local/up.sh}, started on free ports with its own run directory,
 * so that the full-stack test never collides with a stack a developer already runs.
 */
final class LocalStack implements AutoCloseable {

    final Path root;
    final Path runDir;
    final int kafkaPort;
    final int ingestPort;
    final int extractPort;
    final int queryPort;
    private final Map<String, String> env;

    private LocalStack(Path root, Path runDir, Map<String, String> env) {
        this.root = root;
        this.runDir = runDir;
        this.env = env;
        this.kafkaPort = Integer.parseInt(env.get("ZHIBIAO_KAFKA_PORT"));
        this.ingestPort = Integer.parseInt(env.get("ZHIBIAO_INGEST_PORT"));
        this.extractPort = Integer.parseInt(env.get("ZHIBIAO_EXTRACT_PORT"));
        this.queryPort = Integer.parseInt(env.get("ZHIBIAO_QUERY_PORT"));
    }

    static LocalStack start(Path root, Path runDir) throws IOException, InterruptedException {
        Map<String, String> env = Map.of(
                "ZHIBIAO_RUN_DIR", runDir.toString(),
                "ZHIBIAO_KAFKA_PORT", String.valueOf(freePort()),
                "ZHIBIAO_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "ZHIBIAO_PG_PORT", String.valueOf(freePort()),
                "ZHIBIAO_INGEST_PORT", String.valueOf(freePort()),
                "ZHIBIAO_EXTRACT_PORT", String.valueOf(freePort()),
                "ZHIBIAO_QUERY_PORT", String.valueOf(freePort()),
                "ZHIBIAO_API_KEY", "e2e-key");
        LocalStack stack = new LocalStack(root, runDir, env);
        stack.run("up.sh", 300);
        return stack;
    }

    List<Integer> ports() {
        return List.of(kafkaPort, ingestPort, extractPort, queryPort,
                Integer.parseInt(env.get("ZHIBIAO_PG_PORT")),
                Integer.parseInt(env.get("ZHIBIAO_KAFKA_CONTROLLER_PORT")));
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down.sh", 120);
    }

    private void run(String script, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        Path log = runDir.resolve(script + ".out");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("deploy/local/" + script).toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        // an external database configured for the developer's own stack must not leak into the test
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process process = pb.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + process.exitValue() + ":\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
