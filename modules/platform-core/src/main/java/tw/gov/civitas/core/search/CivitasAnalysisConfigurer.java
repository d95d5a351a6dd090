package tw.gov.civitas.core.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * One analyzer for Traditional Chinese and English text: the standard tokenizer splits Han
 * characters one by one, {@code cjkBigram} pairs them (so 捷運 matches 捷運綠線 without a dictionary),
 * English words stay whole, lower-cased and folded.
 */
public class CivitasAnalysisConfigurer implements LuceneAnalysisConfigurer {

  public static final String TEXT = "civitas_text";

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context
        .analyzer(TEXT)
        .custom()
        .tokenizer("standard")
        .tokenFilter("cjkWidth")
        .tokenFilter("lowercase")
        .tokenFilter("cjkBigram")
        .tokenFilter("asciiFolding");
  }
}
