package org.postguard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postguard.detect.DetectorTestSupport.found;

class NhsNumberDetectorTest {
    private final NhsNumberDetector detector = new NhsNumberDetector();

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "6091390996", "9078666617", "1163726516", "0175989834"})
    void acceptsCorrectCheckDigits(String digits) {
        assertTrue(NhsNumberDetector.isValid(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "4010232138", "5260181590", "8301661318", "0308246281", "3726167510", "123456789", "94347659190"})
    void rejectsWrongCheckDigitsAndLengths(String digits) {
        assertFalse(NhsNumberDetector.isValid(digits));
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        // 372616751 has a modulus-11 remainder that makes the check digit 10: no valid NHS number starts so.
        for (int last = 0; last <= 9; last++) {
            assertFalse(NhsNumberDetector.isValid("372616751" + last));
        }
    }

    @Test
    void findsSpacedAndUnspacedNumbers() {
        assertEquals(List.of("943 476 5919"), found(detector, "her number is 943 476 5919 fyi"));
        assertEquals(List.of("9434765919"), found(detector, "pt 9434765919 going home"));
        assertEquals(List.of("943-476-5919"), found(detector, "ref 943-476-5919."));
    }

    @Test
    void ignoresInvalidUnlabelledNumbersAndLongerRuns() {
        assertEquals(List.of(), found(detector, "order 9434765918 arrived"));
        assertEquals(List.of(), found(detector, "call 094347659190 now"));
    }

    @Test
    void acceptsLabelledNumbersEvenWithATypo() {
        assertEquals(List.of("943 476 5918"), found(detector, "NHS no: 943 476 5918"));
    }
}
