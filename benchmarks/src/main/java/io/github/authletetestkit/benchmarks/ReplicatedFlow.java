package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The code flow against several standalone mock processes (the packaged jar, fully validated) that share one
 * store: each request goes to the next replica in turn, so a flow's ticket, code and token cross processes.
 */
final class ReplicatedFlow extends MockFlow {

    private final File jar;
    private final int replicas;
    private final String store;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> apis = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** @param store the replicas' {@code --store}, or null for one replica with the in-memory store */
    ReplicatedFlow(File jar, int replicas, String store) {
        super(store == null ? "1 process, in-memory store" : replicas + (replicas == 1 ? " process" : " processes") + " on one Redis", true, true);
        this.jar = jar;
        this.replicas = replicas;
        this.store = store;
    }

    @Override
    public void start() {
        try {
            startReplicas();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startReplicas() throws java.io.IOException, InterruptedException {
        for (int i = 0; i < replicas; i++) {
            int port = Benchmarks.freePort();
            List<String> command = new ArrayList<>(List.of(NewJvm.java(), "-Xmx512m", "-jar", jar.getPath(), "--port", Integer.toString(port),
                    "--log-format", "none"));
            if (store != null) {
                command.addAll(List.of("--store", store));
            }
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            String baseUrl = "http://localhost:" + port;
            Benchmarks.awaitHealthy(baseUrl, System.nanoTime() + 120_000_000_000L);
            apis.add(baseUrl + "/api/" + AuthleteMockServer.DEFAULT_SERVICE_ID);
            if (i == 0) {
                attach(baseUrl, AuthleteMockServer.DEFAULT_SERVICE_ID, AuthleteMockServer.DEFAULT_SERVICE_TOKEN);
            }
        }
    }

    @Override
    String api() {
        return apis.get(Math.floorMod(next.getAndIncrement(), apis.size()));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
