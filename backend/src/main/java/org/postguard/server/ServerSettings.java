package org.postguard.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How the server runs. Loopback only by default; binding any other address needs an access
 * token, which every API request must then carry as {@code Authorization: Bearer <token>}.
 *
 * <pre>{@code
 * try (PostGuardServer server = PostGuardServer.start(ServerSettings.defaults().withPort(0))) {
 *     System.out.println("listening on " + server.port());
 * }
 * }</pre>
 *
 * @param organisationFile an {@code organisation.properties} to use instead of the bundled one, or null
 * @param dataFolder       a data folder to use instead of the bundled data files, or null
 */
public record ServerSettings(String host, int port, String token, Path organisationFile, Path dataFolder,
                             int maxConcurrentChecks) {
    public static final int DEFAULT_PORT = 7341;

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, null, null, null, 32);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks);
    }

    public ServerSettings withHost(String host) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks);
    }

    public ServerSettings withToken(String token) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks);
    }

    public ServerSettings withOrganisationFile(Path file) {
        return new ServerSettings(host, port, token, file, dataFolder, maxConcurrentChecks);
    }

    public ServerSettings withDataFolder(Path folder) {
        return new ServerSettings(host, port, token, organisationFile, folder, maxConcurrentChecks);
    }

    public ServerSettings withMaxConcurrentChecks(int max) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, max);
    }

    /** True when {@link #host()} is a loopback address. */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
