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
    }
}
