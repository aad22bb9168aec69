package org.probity.measures.results;

import org.junit.jupiter.api.Test;

import org.probity.measures.results.Assessment.Rag;
import org.probity.measures.results.Assessment.Rating;

import static org.assertj.core.api.Assertions.assertThat;

/** RAG and rating boundaries of measures.md, "Status of a result". */
class AssessmentTests {

	@Test
	void performanceIsOneHundredTimesNumeratorOverDenominatorUnrounded() {
		assertThat(Assessment.of(41, 44, 93.0, 88.0).performance()).isEqualTo(93.18181818181819);
		assertThat(Assessment.of(10, 12, 93.0, 88.0).performance()).isEqualTo(83.33333333333333);
	}

	@Test
	void exactlyOnTargetIsGreenAndMet() {
		Assessment a = Assessment.of(93, 100, 93.0, 88.0);
		assertThat(a.rag()).isEqualTo(Rag.GREEN);
		assertThat(a.rating()).isEqualTo(Rating.MET);
	}

	@Test
	void justBelowTargetIsAmberAndNotMet() {
		Assessment a = Assessment.of(929, 1000, 93.0, 88.0);
		assertThat(a.rag()).isEqualTo(Rag.AMBER);
		assertThat(a.rating()).isEqualTo(Rating.NOT_MET);
	}

	@Test
	void exactlyOnTriggerIsAmberAndNotMet() {
		Assessment a = Assessment.of(88, 100, 93.0, 88.0);
		assertThat(a.rag()).isEqualTo(Rag.AMBER);
		assertThat(a.rating()).isEqualTo(Rating.NOT_MET);
	}

	@Test
	void belowTriggerIsRedAndSeriouslyDeficient() {
		Assessment a = Assessment.of(879, 1000, 93.0, 88.0);
		assertThat(a.rag()).isEqualTo(Rag.RED);
		assertThat(a.rating()).isEqualTo(Rating.SERIOUSLY_DEFICIENT);
	}

	@Test
	void targetPlusFiveIsExceededAndJustBelowIsMet() {
		assertThat(Assessment.of(80, 100, 75.0, 65.0).rating()).isEqualTo(Rating.EXCEEDED);
		assertThat(Assessment.of(799, 1000, 75.0, 65.0).rating()).isEqualTo(Rating.MET);
		assertThat(Assessment.of(80, 100, 75.0, 65.0).rag()).isEqualTo(Rag.GREEN);
	}

	@Test
	void targetPlusFiveAboveOneHundredMeansOnlyOneHundredIsExceeded() {
		// SL003R: target 97, so min(102, 100) = 100
		assertThat(Assessment.of(100, 100, 97.0, 92.0).rating()).isEqualTo(Rating.EXCEEDED);
		assertThat(Assessment.of(999, 1000, 97.0, 92.0).rating()).isEqualTo(Rating.MET);
		assertThat(Assessment.of(98, 100, 96.0, 92.0).rating()).isEqualTo(Rating.MET);
	}

	@Test
	void targetEqualToTriggerHasNoAmberBand() {
		// AM_J: target and trigger both 65
		assertThat(Assessment.of(65, 100, 65.0, 65.0).rag()).isEqualTo(Rag.GREEN);
		assertThat(Assessment.of(65, 100, 65.0, 65.0).rating()).isEqualTo(Rating.MET);
		assertThat(Assessment.of(649, 1000, 65.0, 65.0).rag()).isEqualTo(Rag.RED);
		assertThat(Assessment.of(649, 1000, 65.0, 65.0).rating()).isEqualTo(Rating.SERIOUSLY_DEFICIENT);
		assertThat(Assessment.of(70, 100, 65.0, 65.0).rating()).isEqualTo(Rating.EXCEEDED);
	}

	@Test
	void noCasesWinsOverEverythingIncludingNoTarget() {
		Assessment a = Assessment.of(0, 0, 93.0, 88.0);
		assertThat(a.performance()).isNull();
		assertThat(a.rag()).isEqualTo(Rag.NO_CASES);
		assertThat(a.rating()).isEqualTo(Rating.NO_CASES);
		assertThat(Assessment.of(0, 0, null, null).rag()).isEqualTo(Rag.NO_CASES);
		assertThat(Assessment.of(0, 0, null, null).rating()).isEqualTo(Rating.NO_CASES);
	}

	@Test
	void aMeasureWithoutTargetHasNoRagOrRating() {
		Assessment a = Assessment.of(3, 4, null, null);
		assertThat(a.performance()).isEqualTo(75.0);
		assertThat(a.rag()).isEqualTo(Rag.NONE);
		assertThat(a.rating()).isEqualTo(Rating.NONE);
	}

	@Test
	void poolingExampleOfMeasuresMdIsRedAndSeriouslyDeficient() {
		Assessment a = Assessment.of(9 + 1, 10 + 2, 93.0, 88.0);
		assertThat(a.rag()).isEqualTo(Rag.RED);
		assertThat(a.rating()).isEqualTo(Rating.SERIOUSLY_DEFICIENT);
	}

}
