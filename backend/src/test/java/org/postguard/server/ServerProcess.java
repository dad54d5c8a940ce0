package org.postguard.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostGuard server in a JVM of its own, started the way {@code scripts/run} starts it (same
 * JVM flags), with its working folder, temporary folder and home inside {@code workDir}, so every
 * file it writes is found there, and everything it prints is captured.
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.start(dir, "--log-level", "trace")) {
 *     URI health = URI.create(server.url() + "/api/v1/health");
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {
    /** The JVM flags of scripts/run that matter here: no core dumps, crash reports to stderr, no perf-data file. */
    public static final List<String> RUN_FLAGS = List.of("-XX:-CreateCoredumpOnCrash", "-XX:+ErrorFileToStderr", "-XX:-UsePerfData");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final StringBuffer output;
    private final Thread reader;
    private final int port;

    private ServerProcess(Process process, StringBuffer output, Thread reader, int port) {
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.port = port;
    }

    /** Starts {@code org.postguard.Main serve --port 0 ARGS} and waits until it listens. */
    public static ServerProcess start(Path workDir, String... args) throws IOException, InterruptedException {
        Path cwd = Files.createDirectories(workDir.resolve("cwd"));
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path home = Files.createDirectories(workDir.resolve("home"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RUN_FLAGS);
        // (Not scripts/run's class-data-sharing archive: it cannot be made from class folders, and holds only classes.)
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home, "-Xmx1g",
                "-cp", absoluteClassPath(), "org.postguard.Main", "serve", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("POSTGUARD_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        Object started = new Object();
        int[] port = {-1};
        Thread reader = Thread.ofPlatform().daemon().name("server-output").start(() -> {
            try (InputStream in = process.getInputStream()) {
                int b;
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                while ((b = in.read()) >= 0) {
                    bytes.write(b);
                    if (b == '\n') {
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        bytes.reset();
                        output.append(text);
                        Matcher m = LISTENING.matcher(text);
                        if (m.find()) {
                            synchronized (started) {
                                port[0] = Integer.parseInt(m.group(1));
                                started.notifyAll();
                            }
                        }
                    }
                }
                output.append(bytes.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("\n[output reader: ").append(e).append("]\n");
            }
            synchronized (started) {
                started.notifyAll();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (started) {
            while (port[0] < 0 && process.isAlive() && System.nanoTime() < deadline) {
                started.wait(200);
            }
        }
        if (port[0] < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the server process did not start listening:\n" + output);
        }
        return new ServerProcess(process, output, reader, port[0]);
    }

    /** This JVM's class path with every entry absolute (the server runs in another folder). */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the server printed (standard output and error) so far. */
    public String output() {
        return output.toString();
    }

    /** Stops the server as Ctrl-C would (its shutdown hook runs) and waits for it and its output. */
    @Override
    public void close() {
        process.toHandle().destroy(); // SIGTERM, leaving the output stream open for the last lines
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping the server", e));
        }
    }

    public int exitValue() {
        return process.exitValue();
    }
}
