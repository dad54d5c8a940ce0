package org.postguard;

import org.postguard.check.CheckRequest;
import org.postguard.check.CheckResult;
import org.postguard.check.Checker;
import org.postguard.check.Signal;
import org.postguard.check.Warning;
import org.postguard.check.Category;
import org.postguard.score.CategoryModel;
import org.postguard.score.Cue;
import org.postguard.score.Cues;
import org.postguard.score.Meaning;
import org.postguard.score.Votes;
import org.postguard.eval.Corpus;
import org.postguard.eval.Evaluation;
import org.postguard.lexicon.DataFiles;
import org.postguard.server.ApiJson;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;
import org.postguard.stats.StatsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PostGuard command line.
 *
 * <pre>
 * java -jar postguard-backend.jar [serve] [--port N] [--host H --token T] [--organisation FILE] [--data DIR] [--log-level L]
 *                                 [--stats-db FILE | --stats-jdbc URL | --no-stats]
 * java -jar postguard-backend.jar check [--json] [--explain] [TEXT...]     (TEXT or standard input)
 * java -jar postguard-backend.jar evaluate FILE.jsonl
 * </pre>
 */
public final class Main {
    private static final String USAGE = """
            PostGuard: warns doctors when a social-media post risks patient confidentiality or professional guidance.

            Usage:
              postguard [serve] [--port N] [--host ADDRESS --token TOKEN] [--organisation FILE] [--data DIR]
                        [--rules-only | --without-meaning | --without-votes] [--log-level error|warn|info|debug|trace]
                        [--stats-db FILE | --stats-jdbc URL | --no-stats]
                  Start the local server (default 127.0.0.1:%d, log level warn). --rules-only (and any
                  --data folder, for which the category model was not learned) gives every rule's
                  warning without the category model's judgement; --without-meaning uses the model
                  learned from words and signals alone (faster, less memory, a little less accurate);
                  --without-votes leaves out the fine-tuned model's votes (faster, a little less accurate).
                  No log level ever logs checked text: the web server's own logging stops at info,
                  because its debug output would copy raw request bytes. It also collects opt-in anonymous
                  statistics (POST /api/v1/stats, dashboard at /dashboard) in an SQLite file (default
                  %s), or in PostgreSQL with --stats-jdbc jdbc:postgresql://HOST/DB
                  (user and password from POSTGUARD_STATS_JDBC_USER and POSTGUARD_STATS_JDBC_PASSWORD).
              postguard check [--json] [--explain] [--rules-only | --without-meaning | --without-votes] [TEXT...]
                  Check TEXT (or standard input) and print the warnings (--explain: the rules, signals,
                  data lines and scores behind each, and the category model's view of every category).
              postguard evaluate [--mistakes] [--rules-only | --without-meaning | --without-votes] FILE.jsonl
                  Run a labelled corpus through the checker and print precision, recall and false alarms
                  (--mistakes first lists each post whose warnings differ from its labels;
                  --rules-only leaves out the category model, to see what the rules alone catch;
                  --without-meaning uses the category model learned from words and signals alone,
                  without the sentence model's reading of the whole post; --without-votes, without the
                  fine-tuned model's votes).

            Environment: POSTGUARD_PORT, POSTGUARD_HOST, POSTGUARD_TOKEN, POSTGUARD_ORGANISATION, POSTGUARD_DATA,
            POSTGUARD_LOG_LEVEL, POSTGUARD_STATS_DB, POSTGUARD_STATS_JDBC, POSTGUARD_STATS_JDBC_USER,
            POSTGUARD_STATS_JDBC_PASSWORD.
            """.formatted(ServerSettings.DEFAULT_PORT, StatsSettings.defaultFile());

    /** Held so the logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger LUCENE_VECTOR_NOTICE =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_VECTOR_NOTICE.setLevel(java.util.logging.Level.SEVERE); // PostGuard uses no vectors
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() || rest.getFirst().startsWith("--") ? "serve" : rest.removeFirst();
        try {
            configureLogging(option(rest, "--log-level", env("POSTGUARD_LOG_LEVEL", "warn")));
            int status = switch (command) {
                case "serve" -> serve(rest);
                case "check" -> check(rest, System.out);
                case "evaluate" -> evaluate(rest, System.out);
                case "help", "--help", "-h" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("Unknown command '" + command + "'.\n");
                    System.err.print(USAGE);
                    yield 2;
                }
            };
            if (status != 0 || !command.equals("serve")) {
                System.exit(status);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("postguard: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("postguard: " + e.getMessage());
            System.exit(1);
        }
    }

    private static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

    /**
     * Sets the log level before any logger exists. Jetty never logs below info: its debug output
     * dumps the bytes of request buffers, which would copy checked text into the log.
     */
    static void configureLogging(String level) {
        String wanted = level.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(wanted)) {
            throw new IllegalArgumentException("--log-level must be one of " + String.join(", ", LOG_LEVELS));
        }
        String jetty = LOG_LEVELS.indexOf(wanted) > LOG_LEVELS.indexOf("info") ? "info" : wanted;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", wanted);
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", jetty);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static int serve(List<String> args) {
        ServerSettings settings = ServerSettings.defaults()
                .withPort(Integer.parseInt(option(args, "--port", env("POSTGUARD_PORT", String.valueOf(ServerSettings.DEFAULT_PORT)))))
                .withHost(option(args, "--host", env("POSTGUARD_HOST", "127.0.0.1")))
                .withToken(option(args, "--token", env("POSTGUARD_TOKEN", null)));
        String organisation = option(args, "--organisation", env("POSTGUARD_ORGANISATION", null));
        String data = option(args, "--data", env("POSTGUARD_DATA", null));
        if (organisation != null) {
            settings = settings.withOrganisationFile(Path.of(organisation));
        }
        if (data != null) {
            settings = settings.withDataFolder(Path.of(data));
        }
        settings = settings.withJudge(judge(args));
        StatsSettings stats = statsSettings(args);
        rejectLeftovers(args);
        long started = System.nanoTime();
        PostGuardServer server = PostGuardServer.start(settings, stats);
        long ms = (System.nanoTime() - started) / 1_000_000;
        long sinceJvm = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "PostGuard %s listening on http://%s:%d (ready in %d ms, %d ms after JVM start). Checked text is never stored or logged.%n",
                PostGuardServer.version(), settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host(),
                server.port(), ms, sinceJvm);
        System.out.println("Opt-in " + stats.describe() + (stats.enabled() ? "; dashboard at /dashboard." : "."));
        if (server.checker().judge() != Checker.Judge.MODEL_WITH_VOTES) {
            System.out.println(switch (server.checker().judge()) {
                case RULES -> "Checking with the rules only" + (settings.dataFolder() != null
                        ? " (the category model was learned for the bundled data, not " + settings.dataFolder() + ")." : ".");
                case MODEL_WITH_MEANING -> "Checking without the fine-tuned model's votes"
                        + (settings.judge() == Checker.Judge.MODEL_WITH_MEANING ? " (--without-votes)." : " (it cannot run here).");
                default -> "Checking with the category model learned from words and signals alone"
                        + (settings.judge() == Checker.Judge.MODEL ? " (--without-meaning)." : " (the sentence model cannot run here).");
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return 0;
    }

    /** --no-stats, --stats-jdbc URL (credentials from the environment only) or --stats-db FILE. */
    private static StatsSettings statsSettings(List<String> args) {
        boolean off = args.remove("--no-stats");
        String jdbc = option(args, "--stats-jdbc", env("POSTGUARD_STATS_JDBC", null));
        String file = option(args, "--stats-db", env("POSTGUARD_STATS_DB", null));
        if (off) {
            return StatsSettings.disabled();
        }
        if (jdbc != null && file != null) {
            throw new IllegalArgumentException("choose either --stats-db or --stats-jdbc, not both");
        }
        if (jdbc != null) {
            return StatsSettings.defaults().withJdbc(jdbc, env("POSTGUARD_STATS_JDBC_USER", null), env("POSTGUARD_STATS_JDBC_PASSWORD", null));
        }
        return file != null ? StatsSettings.defaults().withSqliteFile(Path.of(file)) : StatsSettings.defaults();
    }

    private static int check(List<String> args, PrintStream out) throws IOException {
        boolean json = args.remove("--json");
        boolean explain = args.remove("--explain");
        Checker.Judge judge = judge(args);
        String text = args.isEmpty()
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", args);
        if (text.length() > Checker.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the text is longer than " + Checker.MAX_TEXT_LENGTH + " characters");
        }
        Checker checker = Checker.load(DataFiles.bundled(), judge);
        CheckResult result = checker.check(CheckRequest.of(text));
        if (json) {
            out.println(ApiJson.result(result, explain));
            return 0;
        }
        if (result.warnings().isEmpty()) {
            out.println("No warnings.");
        } else {
            out.println("Risk: " + result.risk());
        }
        for (Warning w : result.warnings()) {
            out.printf(Locale.ROOT, "%n[%s] %s: %s%n", w.severity(), w.category().id(), w.message());
            out.printf(Locale.ROOT, "  words: \"%s\" (%d-%d)%n", text.substring(w.start(), w.end()), w.start(), w.end());
            if (explain) {
                out.printf(Locale.ROOT, "  rule: %s, score %.2f%n", w.rule(), w.score());
                if (!w.basis().isEmpty()) {
                    out.printf(Locale.ROOT, "  category model: %s%n", w.basis());
                }
                for (Signal s : w.signals()) {
                    out.printf(Locale.ROOT, "  signal %-14s \"%s\" (%d-%d) from %s%n", s.kind().id(),
                            text.substring(s.start(), s.end()), s.start(), s.end(), s.source());
                }
            }
        }
        if (explain && checker.judge() != Checker.Judge.RULES) {
            java.util.Optional<Meaning> meaning = checker.judge() == Checker.Judge.MODEL ? java.util.Optional.empty() : Meaning.shared();
            Votes votes = checker.judge() == Checker.Judge.MODEL_WITH_VOTES ? Votes.shared().orElse(null) : null;
            CategoryModel.bundledFor(meaning).ifPresent(model -> explainModel(model, meaning.orElse(null), votes, checker.withoutModel(), text, out));
        }
        return 0;
    }

    /** --rules-only, --without-meaning, --without-votes, or none: the category model with the post's meaning and the votes. */
    private static Checker.Judge judge(List<String> args) {
        List<String> given = java.util.stream.Stream.of("--rules-only", "--without-meaning", "--without-votes").filter(args::remove).toList();
        if (given.size() > 1) {
            throw new IllegalArgumentException(String.join(" and ", given) + " do not go together: choose one");
        }
        return switch (given.isEmpty() ? "" : given.getFirst()) {
            case "--rules-only" -> Checker.Judge.RULES;
            case "--without-meaning" -> Checker.Judge.MODEL;
            case "--without-votes" -> Checker.Judge.MODEL_WITH_MEANING;
            default -> Checker.Judge.MODEL_WITH_VOTES;
        };
    }

    /**
     * Every category's probability, threshold and weightiest cues (with the meaning's share when
     * the model weighs it), and the rule warnings the model let stand or dropped.
     */
    private static void explainModel(CategoryModel model, Meaning meaning, Votes votes, Checker rules, String text, PrintStream out) {
        Checker.Analysis analysis = rules.analyse(CheckRequest.of(text));
        List<Cue> cues = Cues.of(analysis.post(), analysis.signals(), analysis.warnings());
        float[] means = meaning == null || !model.usesMeaning() ? null : meaning.of(text);
        float[] voted = votes == null || !model.weighsVotes() ? null : votes.of(text);
        java.util.Map<Category, CategoryModel.Judgement> judgements = model.judgeAll(cues, means, voted);
        boolean besides = judgements.values().stream().flatMap(j -> j.contributions().stream())
                .anyMatch(c -> c.cue().name().startsWith(CategoryModel.BESIDE));
        out.printf(Locale.ROOT, "%nCategory model (flags a category at its threshold; +/- log-odds per cue; "
                + (means == null ? "from words and signals alone" : "'meaning' is the sentence model's reading of the whole post")
                + (voted == null ? "" : "; '" + CategoryModel.VOTE_CUE + "' is the fine-tuned model's, and every share counts half")
                + (besides ? " but '" + CategoryModel.BESIDE + "...', how likely that other category is, weighed" : "") + "):%n");
        for (Category category : Category.values()) {
            CategoryModel.Judgement judgement = judgements.getOrDefault(category, new CategoryModel.Judgement(category, 0, 1, List.of()));
            List<String> fromRules = analysis.warnings().stream().filter(w -> w.category() == category).map(Warning::rule).distinct().toList();
            String rulesSaid = fromRules.isEmpty() ? "" : (judgement.flags() ? "; rules kept: " : "; rules dropped: ") + String.join(", ", fromRules);
            out.printf(Locale.ROOT, "  %-21s %s %s%s%n", category.id(), judgement.flags() ? "FLAGS" : "     ", judgement.basis(6), rulesSaid);
        }
    }

    private static int evaluate(List<String> args, PrintStream out) throws IOException {
        boolean mistakes = args.remove("--mistakes");
        Checker.Judge judge = judge(args);
        if (args.size() != 1) {
            throw new IllegalArgumentException("evaluate takes one corpus file (JSON Lines)");
        }
        Path file = Path.of(args.getFirst());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such corpus file: " + file);
        }
        Checker checker = Checker.load(DataFiles.bundled(), judge);
        Evaluation evaluation = Evaluation.run(checker, Corpus.read(file));
        if (mistakes) {
            evaluation.mistakes().forEach(out::println);
        }
        out.println(evaluation.report());
        return 0;
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        args.remove(at);
        return args.remove(at);
    }

    private static void rejectLeftovers(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.getFirst() + "' (see --help)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
