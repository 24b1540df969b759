package io.zhibiao.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the embedded PostgreSQL server of the local stack until the process is stopped.
 * <p>
 * Usage: {@code java -cp … io.zhibiao.testkit.PostgresLauncher DATA_DIR PORT}. The data directory
 * is kept between runs, so the read model survives {@code down.sh}/{@code up.sh}.
 */
public final class PostgresLauncher {

    private PostgresLauncher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: PostgresLauncher DATA_DIR PORT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(dataDir);
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        System.err.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + dataDir + ")");
        stopped.await();
    }
}
