package org.postguard.score;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryModelTest {
    @Test
    void theModelFileReadsBackAsWritten() {
        CategoryModel model = new CategoryModel(Map.of(
                Category.RESPECT, new CategoryModel.Weights(-2.5, 0.4, Map.of("word:idiot", 3.25, "signal:patient", 0.5)),
                Category.BOUNDARIES, new CategoryModel.Weights(-1, 0.6, Map.of())));
        String file = model.format("a header\nover two lines");
        assertTrue(file.startsWith("# a header\n# over two lines\n"), file);
        CategoryModel read = CategoryModel.parse(file);
        assertEquals(file, read.format("a header\nover two lines"));
        List<Cue> cues = List.of(new Cue("word:idiot", 4, 9), new Cue("word:other", 0, 3));
        CategoryModel.Judgement j = read.judge(Category.RESPECT, cues);
        assertEquals(1 / (1 + Math.exp(-(-2.5 + 3.25))), j.probability(), 1e-9);
        assertTrue(j.flags());
        assertEquals(1, j.contributions().size());
        assertTrue(!read.covers(Category.PROFESSIONALISM));
    }

    @Test
    void theMeaningsWeightsReadBackAndAddTheirShareAsOneCue() {
        float[] weights = new float[Meaning.DIMENSIONS];
        weights[0] = 2.5f;
        weights[7] = -1.25f;
        CategoryModel model = new CategoryModel(Map.of(Category.RESPECT, new CategoryModel.Weights(-1, 0.5, Map.of("word:idiot", 0.75), weights)));
        String file = model.format("header");
        CategoryModel read = CategoryModel.parse(file);
        assertEquals(file, read.format("header"));
        assertTrue(read.usesMeaning());
        float[] meaning = new float[Meaning.DIMENSIONS];
        meaning[0] = 0.5f;
        meaning[7] = 0.2f;
        CategoryModel.Judgement j = read.judge(Category.RESPECT, List.of(new Cue("word:idiot", 0, 5)), meaning);
        double share = 2.5 * 0.5 - 1.25 * 0.2;
        assertEquals(1 / (1 + Math.exp(-(-1 + 0.75 + share))), j.probability(), 1e-6);
        assertEquals(CategoryModel.MEANING_CUE, j.contributions().getFirst().cue().name(), "the larger share comes first");
        assertEquals(share, j.contributions().getFirst().weight(), 1e-6);
        // Judged without a meaning, only the cues count.
        assertEquals(1 / (1 + Math.exp(0.25)), read.judge(Category.RESPECT, List.of(new Cue("word:idiot", 0, 5))).probability(), 1e-9);
        assertTrue(!new CategoryModel(Map.of(Category.RESPECT, new CategoryModel.Weights(-1, 0.5, Map.of()))).usesMeaning());
    }

    @Test
    void withVotesTheJudgementIsTheMeanOfTheTwoLogOddsAgainstItsOwnThreshold() {
        CategoryModel model = new CategoryModel(Map.of(
                Category.RESPECT, new CategoryModel.Weights(-2, 0.6, Map.of("word:idiot", 1.0), null, 0.3),
                Category.BOUNDARIES, new CategoryModel.Weights(-1, 0.5, Map.of(), null, 0.45)));
        String file = model.format("header");
        assertTrue(file.contains("respect\t(threshold with votes)\t0.3000\n"), file);
        CategoryModel read = CategoryModel.parse(file);
        assertEquals(file, read.format("header"));
        assertTrue(read.weighsVotes());
        float[] votes = new float[Category.values().length];
        votes[Category.RESPECT.ordinal()] = 2;
        List<Cue> cues = List.of(new Cue("word:idiot", 0, 5));
        CategoryModel.Judgement alone = read.judge(Category.RESPECT, cues);
        CategoryModel.Judgement mixed = read.judge(Category.RESPECT, cues, null, votes);
        assertEquals(1 / (1 + Math.exp(1)), alone.probability(), 1e-9); // -2 + 1
        assertTrue(!alone.flags() && alone.threshold() == 0.6);
        assertEquals(1 / (1 + Math.exp(-0.5)), mixed.probability(), 1e-9); // (-1 + 2) / 2
        assertTrue(mixed.flags() && mixed.threshold() == 0.3);
        assertEquals(CategoryModel.VOTE_CUE, mixed.contributions().getFirst().cue().name());
        assertEquals(1.0, mixed.contributions().getFirst().weight(), 1e-9, "each share counts half");
        assertEquals(0.5, mixed.contributions().get(1).weight(), 1e-9);
        // a model without thresholds for votes ignores them
        CategoryModel plain = new CategoryModel(Map.of(Category.RESPECT, new CategoryModel.Weights(-2, 0.6, Map.of("word:idiot", 1.0))));
        assertTrue(!plain.weighsVotes());
        assertEquals(alone.probability(), plain.judge(Category.RESPECT, cues, null, votes).probability(), 1e-12);
    }

    @Test
    void withVotesACategoryLeansOnHowLikelyTheOthersAre() {
        CategoryModel model = new CategoryModel(Map.of(
                Category.CONFIDENTIALITY, new CategoryModel.Weights(-1, 0.6, Map.of(), null, 0.5,
                        Map.of(Category.PATIENT_IMAGES, 1.5)),
                Category.PATIENT_IMAGES, new CategoryModel.Weights(0, 0.5, Map.of("word:photo", 2.0), null, 0.5)));
        String file = model.format("header");
        assertTrue(file.contains("confidentiality\t(beside patient-images)\t1.5000\n"), file);
        CategoryModel read = CategoryModel.parse(file);
        assertEquals(file, read.format("header"));
        float[] votes = new float[Category.values().length];
        votes[Category.PATIENT_IMAGES.ordinal()] = 2;
        List<Cue> cues = List.of(new Cue("word:photo", 0, 5));
        Map<Category, CategoryModel.Judgement> all = read.judgeAll(cues, null, votes);
        double images = 1 / (1 + Math.exp(-(2 + 2) / 2.0)); // (model 2 + vote 2) / 2
        assertEquals(images, all.get(Category.PATIENT_IMAGES).probability(), 1e-9);
        CategoryModel.Judgement confidentiality = all.get(Category.CONFIDENTIALITY);
        assertEquals(1 / (1 + Math.exp(-((-1 + 0) / 2.0 + 1.5 * images))), confidentiality.probability(), 1e-9);
        CategoryModel.Contribution beside = confidentiality.contributions().getFirst();
        assertEquals(CategoryModel.BESIDE + "patient-images", beside.cue().name());
        assertEquals(1.5 * images, beside.weight(), 1e-9);
        assertTrue(!beside.pointsAtWords());
        assertEquals(confidentiality.probability(), read.judge(Category.CONFIDENTIALITY, cues, null, votes).probability(), 1e-12);
        // without votes the other categories do not count
        assertEquals(1 / (1 + Math.exp(1)), read.judgeAll(cues, null, null).get(Category.CONFIDENTIALITY).probability(), 1e-9);
    }

    @Test
    void aBesideLineMustNameAnotherCategory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoryModel.parse("respect\t(bias)\t-1\nrespect\t(beside respect)\t0.5\n"));
        assertTrue(e.getMessage().startsWith("line 2:") && e.getMessage().contains("beside respect"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategoryModel.parse("respect\t(beside gossip)\t0.5\n"));
        assertTrue(e.getMessage().startsWith("line 1:"), e.getMessage());
    }

    @Test
    void aMeaningLineWithTheWrongNumberOfWeightsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoryModel.parse("respect\t(bias)\t-1\nrespect\t(meaning)\t0.1 0.2 0.3\n"));
        assertTrue(e.getMessage().startsWith("line 2:") && e.getMessage().contains("384"), e.getMessage());
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoryModel.parse("# header\nrespect\t(bias)\t-1\nrespect word:x 2\n"));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategoryModel.parse("gossip\t(bias)\t-1\n"));
        assertTrue(e.getMessage().contains("unknown category gossip"), e.getMessage());
    }

    @Test
    void theBuildShipsATrainedModelForEveryCategory() {
        CategoryModel bundled = CategoryModel.bundled().orElseThrow(() -> new AssertionError("the build trains the model (ModelTrainer)"));
        for (Category c : Category.values()) {
            assertTrue(bundled.covers(c), c.id());
        }
        assertTrue(bundled.size() > 1000, "weights: " + bundled.size());
        assertTrue(bundled.usesMeaning(), "the standard model weighs the post's meaning");
        CategoryModel words = CategoryModel.bundledWithoutMeaning().orElseThrow(() -> new AssertionError("the build trains both models"));
        for (Category c : Category.values()) {
            assertTrue(words.covers(c), c.id());
        }
        assertTrue(!words.usesMeaning(), "the fallback model needs no sentence model");
    }
}
