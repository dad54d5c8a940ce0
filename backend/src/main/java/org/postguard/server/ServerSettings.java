package org.postguard.server;

import org.postguard.check.Checker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

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
 * @param organisationFile    an {@code organisation.properties} to use instead of the bundled one, or null
 * @param dataFolder          a data folder to use instead of the bundled data files, or null
 * @param maxConcurrentChecks checks run at the same time (default: one per processor)
 * @param maxWaitingChecks    checks that may wait for a turn when all are busy; more are refused with 429
 * @param checkWait           how long a check may wait for its turn before it is refused with 429
 * @param judge               what has the last word on a check (default: the category model with the
 *                            post's meaning); always the rules alone with a {@code dataFolder}, since the
 *                            model was learned for the bundled data
 */
public record ServerSettings(String host, int port, String token, Path organisationFile, Path dataFolder,
                             int maxConcurrentChecks, int maxWaitingChecks, Duration checkWait, Checker.Judge judge) {
    public static final int DEFAULT_PORT = 7341;

    public ServerSettings {
        if (maxConcurrentChecks < 1 || maxWaitingChecks < 0 || checkWait == null || checkWait.isNegative() || judge == null) {
            throw new IllegalArgumentException("concurrent checks must be at least 1, waiting checks and the wait at least 0, and a judge given");
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, null, null, null,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 512, Duration.ofSeconds(10), Checker.Judge.MODEL_WITH_VOTES);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    public ServerSettings withHost(String host) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    public ServerSettings withToken(String token) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    public ServerSettings withOrganisationFile(Path file) {
        return new ServerSettings(host, port, token, file, dataFolder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    public ServerSettings withDataFolder(Path folder) {
        return new ServerSettings(host, port, token, organisationFile, folder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    /** At most {@code max} checks run at once; the others wait their turn (see {@link #withWaitingChecks}). */
    public ServerSettings withMaxConcurrentChecks(int max) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, max, maxWaitingChecks, checkWait, judge);
    }

    /** Up to {@code max} checks wait for a turn, each for at most {@code wait}; past that the answer is 429. */
    public ServerSettings withWaitingChecks(int max, Duration wait) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks, max, wait, judge);
    }

    /**
     * Who has the last word on each check: {@link Checker.Judge#RULES} gives every rule's warning,
     * {@link Checker.Judge#MODEL} the category model without the sentence model (faster, less memory).
     */
    public ServerSettings withJudge(Checker.Judge judge) {
        return new ServerSettings(host, port, token, organisationFile, dataFolder, maxConcurrentChecks, maxWaitingChecks, checkWait, judge);
    }

    /** The judge asked for, or the rules alone with a data folder of one's own. */
    public Checker.Judge judgeWanted() {
        return dataFolder != null ? Checker.Judge.RULES : judge;
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
