package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void readsEachOptionOnceInEitherForm() {
        Options options = Options.parse("run", "--rows", "1_000_000", "--seed=7", "--partitions", "6");

        assertThat(options.command()).isEqualTo("run");
        assertThat(options.number("rows", 100_000)).isEqualTo(1_000_000);
        assertThat(options.number("seed", 42)).isEqualTo(7);
        assertThat(options.number("partitions", 3)).isEqualTo(6);
        assertThat(options.number("warmup-rows", 200_000)).isEqualTo(200_000);
    }

    @Test
    void rebuildIsAnOptionOfRunOnly() {
        assertThat(Options.parse("run", "--rebuild", "1").number("rebuild", 0)).isEqualTo(1);
        assertThat(Options.parse("run").number("rebuild", 0)).isZero();
        assertThatThrownBy(() -> Options.parse("generate", "--rebuild", "1"))
                .isInstanceOf(Options.UsageException.class);
    }

    @Test
    void runIsTheDefaultCommandAndANegativeSeedIsAValue() {
        Options options = Options.parse("--seed", "-3");

        assertThat(options.command()).isEqualTo("run");
        assertThat(options.number("seed", 42)).isEqualTo(-3);
    }

    @Test
    void refusesAnOptionWithoutAValue() {
        assertThatThrownBy(() -> Options.parse("run", "--rows"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("--rows needs a value");
        assertThatThrownBy(() -> Options.parse("run", "--rows", "--seed", "1"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("--rows needs a value");
    }

    @Test
    void refusesAnOptionGivenTwice() {
        assertThatThrownBy(() -> Options.parse("run", "--rows", "10", "--rows=20"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("--rows is given twice");
    }

    @Test
    void refusesUnknownOptionsCommandsAndArguments() {
        assertThatThrownBy(() -> Options.parse("run", "--row", "10"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessageStartingWith("unknown option --row for run");
        assertThatThrownBy(() -> Options.parse("generate", "--api-seconds", "10"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessageStartingWith("unknown option --api-seconds");
        assertThatThrownBy(() -> Options.parse("measure"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessageStartingWith("unknown command 'measure'");
        assertThatThrownBy(() -> Options.parse("run", "--rows", "10", "20"))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("unexpected argument '20'");
    }

    @Test
    void refusesANumberOptionThatIsNotANumber() {
        Options options = Options.parse("run", "--api-seconds", "ten");

        assertThatThrownBy(() -> options.number("api-seconds", 20))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("--api-seconds takes a whole number, not 'ten'");
    }
}
