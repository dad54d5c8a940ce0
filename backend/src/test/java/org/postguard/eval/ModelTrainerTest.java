package org.postguard.eval;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;
import org.postguard.check.SharedChecker;
import org.postguard.score.CategoryModel;
import org.postguard.score.Cue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTrainerTest {
    /** Posts by three writers; a respect label always comes with the word "gremlin", and nothing else tells. */
    private static List<Corpus.Post> corpus() {
        String[] fillers = {"coffee", "rota", "exam", "teaching", "audit", "parking", "pension", "canteen", "night", "study"};
        List<Corpus.Post> posts = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String writer = "w" + (i % 3);
            boolean rude = i % 3 == 0 || i % 5 == 0;
            String text = "The " + fillers[i % fillers.length] + " today was " + fillers[(i * 7) % fillers.length]
                    + (rude ? ", what a gremlin" : ", fine really");
            posts.add(new Corpus.Post(writer + "-" + i, text, rude ? EnumSet.of(Category.RESPECT) : Set.of()));
        }
        return posts;
    }

    private static List<Cue> cues(String text) {
        org.postguard.check.Checker.Analysis a = SharedChecker.rulesOnly().analyse(org.postguard.check.CheckRequest.of(text));
        return org.postguard.score.Cues.of(a.post(), a.signals(), a.warnings());
    }

    @Test
    void itLearnsTheCueThatTellsAndIsDeterministic() {
        ModelTrainer.Trained first = ModelTrainer.train(SharedChecker.rulesOnly(), corpus());
        ModelTrainer.Trained second = ModelTrainer.train(SharedChecker.rulesOnly(), corpus());
        assertEquals(first.model().format(""), second.model().format(""));
        CategoryModel model = first.model();
        CategoryModel.Judgement rude = model.judge(Category.RESPECT, cues("The coffee today was audit, what a gremlin"));
        CategoryModel.Judgement plain = model.judge(Category.RESPECT, cues("The coffee today was audit, fine really"));
        assertTrue(rude.flags() && rude.probability() > 0.8, rude.basis(3));
        assertTrue(!plain.flags() && plain.probability() < 0.2, plain.basis(3));
        assertTrue(first.crossValidation().contains("respect"), first.crossValidation());
        assertTrue(first.crossValidation().contains("overall: precision=1.000 recall=1.000"), first.crossValidation());
    }

    @Test
    void itListsThePostsItGotWrongWhenTheirWriterWasHeldOut() {
        assertEquals(List.of(), ModelTrainer.train(SharedChecker.rulesOnly(), corpus()).outOfFoldMistakes());
        List<Corpus.Post> posts = new ArrayList<>(corpus());
        posts.set(1, new Corpus.Post("w1-1", "The rota today was exam, fine really", EnumSet.of(Category.RESPECT)));
        assertEquals(List.of("w1-1\trespect\t"), ModelTrainer.train(SharedChecker.rulesOnly(), posts).outOfFoldMistakes());
    }

    @Test
    void votesAreReadAsLogOddsAndEveryPostNeedsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        List<Corpus.Post> posts = corpus().subList(0, 2);
        java.nio.file.Path file = folder.resolve("votes.tsv");
        java.nio.file.Files.writeString(file, posts.get(0).id() + "\t0.5\t0.9\t0.1\t0.5\t0.5\t0.5\t1\n");
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelTrainer.readVotes(file, posts));
        assertTrue(missing.getMessage().contains("no vote for " + posts.get(1).id()), missing.getMessage());
        float[] vote = ModelTrainer.readVotes(file, posts.subList(0, 1)).get(posts.get(0).id());
        assertEquals(0, vote[0], 1e-6);
        assertEquals(Math.log(9), vote[1], 1e-5);
        assertEquals(-Math.log(9), vote[2], 1e-5);
        assertEquals(Math.log((1 - 1e-4) / 1e-4), vote[6], 1e-3); // a certain vote is capped, never infinite
        java.nio.file.Files.writeString(file, posts.get(0).id() + "\t0.5\t0.9\n");
        IllegalArgumentException short_ = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelTrainer.readVotes(file, posts.subList(0, 1)));
        assertTrue(short_.getMessage().contains("line 1"), short_.getMessage());
    }

    @Test
    void withVotesEachCategoryAlsoGetsAThresholdForTheMixedJudgement() {
        List<Corpus.Post> posts = corpus();
        java.util.Map<String, float[]> votes = new java.util.HashMap<>();
        for (Corpus.Post p : posts) { // votes that know respect as well as the word does
            float[] v = new float[Category.values().length];
            java.util.Arrays.fill(v, -4);
            v[Category.RESPECT.ordinal()] = p.categories().contains(Category.RESPECT) ? 4 : -4;
            votes.put(p.id(), v);
        }
        ModelTrainer.Trained without = ModelTrainer.train(SharedChecker.rulesOnly(), posts);
        ModelTrainer.Trained with = ModelTrainer.train(SharedChecker.rulesOnly(), posts, null, votes);
        assertTrue(!without.model().weighsVotes() && with.model().weighsVotes());
        assertTrue(with.crossValidation().contains("with the fine-tuned votes"), with.crossValidation());
        float[] rudeVote = votes.get(posts.get(0).id());
        CategoryModel.Judgement rude = with.model().judge(Category.RESPECT, cues("The coffee today was audit, what a gremlin"), null, rudeVote);
        assertTrue(rude.flags(), rude.basis(3));
        assertTrue(rude.basis(8).contains(CategoryModel.VOTE_CUE), rude.basis(8));
        // the cues' weights are the same model's with or without votes: only the thresholds are added
        assertEquals(without.model().format("").lines().filter(l -> !l.contains("(threshold with votes)")).toList(),
                with.model().format("").lines().filter(l -> !l.contains("(threshold with votes)") && !l.contains("\t(beside ")).toList());
        // votes this good leave the other categories' likelihoods nothing to add on held-out writers: none ship
        assertTrue(with.crossValidation().contains("each category alone (as shipped)"), with.crossValidation());
        assertTrue(with.model().format("").lines().noneMatch(l -> l.contains("\t(beside ")), with.model().format(""));
    }

    @Test
    void withVotesACategoryLeansOnAnotherWhenThatJudgesHeldOutWritersBetter() {
        // every fourth post is rude and answers a complaint; no word tells, the votes know respect and say nothing of complaints
        List<Corpus.Post> posts = new ArrayList<>();
        java.util.Map<String, float[]> votes = new java.util.HashMap<>();
        for (Corpus.Post p : corpus()) {
            boolean both = Integer.parseInt(p.id().substring(p.id().indexOf('-') + 1)) % 4 == 1;
            String text = p.text().replace(", what a gremlin", ", fine really");
            posts.add(new Corpus.Post(p.id(), text, both ? EnumSet.of(Category.RESPECT, Category.COMPLAINT_RESPONSE) : Set.of()));
            float[] v = new float[Category.values().length];
            java.util.Arrays.fill(v, -4);
            v[Category.RESPECT.ordinal()] = both ? 4 : -4;
            votes.put(p.id(), v);
        }
        ModelTrainer.Trained trained = ModelTrainer.train(SharedChecker.rulesOnly(), posts, null, votes);
        assertTrue(trained.crossValidation().contains("each category beside the others (as shipped)"), trained.crossValidation());
        CategoryModel model = trained.model();
        String weight = model.format("").lines().filter(l -> l.startsWith("complaint-response\t(beside respect)\t"))
                .findFirst().orElseThrow(() -> new AssertionError(model.format("")));
        assertTrue(Double.parseDouble(weight.substring(weight.lastIndexOf('\t') + 1)) > 0.5, weight);
        assertTrue(model.format("").lines().noneMatch(l -> l.startsWith("respect\t(beside respect)")));
        float[] rudeVote = votes.get(posts.get(1).id());
        assertTrue(model.judge(Category.COMPLAINT_RESPONSE, cues(posts.get(1).text()), null, rudeVote).flags(),
                "a complaint reply is judged beside the respect it comes with");
    }
}
