package org.postguard.browser;

/** The posts the browser tests type. */
final class Posts {
    private Posts() {
    }

    /** Identifies a patient: age, bed/bay, time, condition, name and ward together. */
    static final String RISKY = "Saw a 34yo in bay 4 today with DKA, Mrs Jones on ward 7";

    /** General clinical education: nothing identifies anyone. */
    static final String SAFE = "Reminder: DKA is a medical emergency. Check ketones and follow your trust's guideline.";

    /** The risky words on the third line of a multi-line post. */
    static final String THIRD_LINE = "Quiet start to the night shift.\nHandover went well.\n" + RISKY;

    /**
     * The risky words after emoji (each one two UTF-16 code units) earlier in the text, and after a
     * hashtag and a mention, which X's Draft decorators and Bluesky's TipTap decorations wrap in spans.
     */
    static final String AFTER_EMOJI = "Long shift \uD83D\uDE2B\uD83D\uDE2B #NHS thanks @sam but worth it \u2764 " + RISKY;

    /** Drinking before work: a professionalism warning on its own. */
    static final String DRUNK = "Still drunk from last night and about to start my shift on the ward";

    /** A discount code for a product recommended with clinical authority: a conflict-of-interest warning. */
    static final String PROMO = "Use code DOCSAM20 for 20% off the supplement I recommend to all my patients";

    /**
     * Several warnings of two categories: conflict of interest and confidentiality. (Not DRUNK +
     * RISKY: with the fine-tuned votes, that post's professionalism warning is judged away, its
     * vote read as a confidentiality post; see the README's detection quality.)
     */
    static final String SEVERAL = PROMO + ". " + RISKY;

    /** About 2,000 characters of ordinary clinical-education text with line breaks, typed at full speed. */
    static String longPost(int length) {
        String[] sentences = {
            "Reminder that sepsis screening saves lives, so please use the tool on every shift.",
            "Good teaching session on fluid balance this week; slides are on the intranet.",
            "If anyone has tips for revising for the membership exam, I would love to hear them.",
            "Hand hygiene audit results are in and we did well across the department.",
            "Remember to hydrate and take your breaks; burnout helps nobody.",
            "Journal club on Thursday will look at the latest heart failure guideline.",
        };
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (text.length() < length) {
            if (text.length() > 0) text.append(i % 4 == 0 ? "\n" : " ");
            text.append(sentences[i % sentences.length]);
            i++;
        }
        text.setLength(length);
        // Do not end on a space or line break: editors may trim or keep a trailing break differently.
        while (Character.isWhitespace(text.charAt(text.length() - 1))) text.setLength(text.length() - 1);
        return text.toString();
    }
}
