package io.tlsdoctor.ui.wizard;

/**
 * The guided path: which steps the case at hand needs, and the sentence that says what a check step is about to find
 * out ("We now check whether this server can send with TLS 1.2"). Asked each time the wizard moves, since the
 * symptom can change on the way.
 */
public interface StepGuide {

    /** Every step, without introductions: the wizard as a plain sequence. */
    StepGuide EVERY_STEP = new StepGuide() {
        @Override
        public boolean needed(StepModel step) {
            return true;
        }

        @Override
        public String introduction(StepModel step) {
            return "";
        }
    };

    /** Whether the guided path visits this step for the case at hand; Next and Back pass over the others. */
    boolean needed(StepModel step);

    /** One sentence that introduces the step's check in the current language, empty when there is none. */
    String introduction(StepModel step);
}
