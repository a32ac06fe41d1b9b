package com.zywa.cardstatus.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The encoding a partner file is read in: UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 when all of
 * it is valid UTF-8 (with or without a BOM), else Windows-1252, what spreadsheet programs export, with a warning.
 */
public record TextEncoding(Charset charset, @Nullable String warning) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Looks at the file's first bytes and, unless they are a UTF-16 BOM, checks all of it as UTF-8 (streaming). */
    public static TextEncoding of(FileContent content) {
        try (InputStream in = content.open()) {
            byte[] start = in.readNBytes(2);
            if (start.length == 2
                    && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
                            || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
                return new TextEncoding(StandardCharsets.UTF_16, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the start of the file failed", e);
        }
        if (validUtf8(content)) {
            return new TextEncoding(StandardCharsets.UTF_8, null);
        }
        return new TextEncoding(
                WINDOWS_1252,
                "the file is not valid UTF-8, so it was read as Windows-1252 (what "
                        + "spreadsheet programs export); check accented letters in the report, or save it as CSV UTF-8");
    }

    private static boolean validUtf8(FileContent content) {
        char[] scratch = new char[8192];
        try (Reader reader = new InputStreamReader(
                content.open(),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            while (reader.read(scratch) >= 0) {
                // only whether decoding fails matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the file failed", e);
        }
    }

    /** A reader of the whole file in this encoding (a UTF-16 BOM is consumed, a UTF-8 one is kept as U+FEFF). */
    Reader reader(FileContent content) throws IOException {
        return new InputStreamReader(
                content.open(),
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
