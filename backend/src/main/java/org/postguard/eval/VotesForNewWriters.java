package org.postguard.eval;

import org.postguard.check.Category;
import org.postguard.score.Votes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Gives posts by writers added to the tuning corpus after the last fine-tune their votes, without
 * fine-tuning again (about 2 hours): the shipped fine-tuned model never saw those writers, so its
 * votes on their posts are out-of-fold, as {@link ModelTrainer#readVotes} requires. A post whose
 * writer already has votes is refused: the shipped model learned from that writer, so only
 * {@code scripts/fine-tune} can vote on it fairly.
 *
 * <pre>
 * java -cp postguard-backend.jar org.postguard.eval.VotesForNewWriters tune.jsonl tune-votes.tsv
 * </pre>
 * It appends one line per new post (id, then one probability per category in {@link Category}
 * order) and prints how many it added.
 */
public final class VotesForNewWriters {
    private VotesForNewWriters() {
    }

    /** The writer a post id names: {@code w7-0042} is by {@code w7}. */
    static String writer(String id) {
        return id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
    }

    /**
     * The votes file's lines for the corpus posts it lacks, each voted by {@code vote} (log-odds
     * per category).
     *
     * @throws IllegalArgumentException when a post lacking a vote is by a writer who has votes
     */
    static List<String> missing(List<Corpus.Post> corpus, List<String> votesLines, Function<String, float[]> vote) {
        Set<String> voted = new LinkedHashSet<>();
        Set<String> votedWriters = new LinkedHashSet<>();
        for (String line : votesLines) {
            String id = line.substring(0, Math.max(0, line.indexOf('\t')));
            voted.add(id);
            votedWriters.add(writer(id));
        }
        List<String> lines = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Corpus.Post post : corpus) {
            if (voted.contains(post.id())) {
                continue;
            }
            if (votedWriters.contains(writer(post.id()))) {
                refused.add(post.id());
                continue;
            }
            StringBuilder line = new StringBuilder(post.id());
            for (float logOdds : vote.apply(post.text())) {
                line.append('\t').append(String.format(Locale.ROOT, "%.6g", 1 / (1 + Math.exp(-logOdds))));
            }
            lines.add(line.toString());
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(refused.size() + " posts lack votes but their writer has some (" + refused.getFirst()
                    + (refused.size() > 1 ? ", ..." : "") + "): the shipped model learned from that writer; run scripts/fine-tune");
        }
        return lines;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: VotesForNewWriters TUNE.jsonl TUNE-VOTES.tsv");
            System.exit(2);
        }
        Path votesFile = Path.of(args[1]);
        Votes votes = Votes.shared().orElseThrow(() -> new IllegalStateException("the fine-tuned model cannot run on this machine"));
        List<String> lines = missing(Corpus.read(Path.of(args[0])), Files.readAllLines(votesFile, StandardCharsets.UTF_8), votes::of);
        if (!lines.isEmpty()) {
            Files.write(votesFile, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        System.out.println("votes added for " + lines.size() + " posts by new writers to " + votesFile);
    }
}
