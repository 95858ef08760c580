package io.tlsdoctor.ui.step.summary;

import io.tlsdoctor.core.report.SummaryFormat;

/** The formats the summary step offers to save in, one button each. */
public enum SaveFormat {
    HTML(SummaryFormat.HTML),
    MARKDOWN(SummaryFormat.MARKDOWN),
    JSON(SummaryFormat.JSON);

    private final SummaryFormat format;

    SaveFormat(SummaryFormat format) {
        this.format = format;
    }

    SummaryFormat format() {
        return format;
    }
}
