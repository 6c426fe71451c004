/**
 * The patient's own application: the practice's link ({@code /apply/{practiceCode}}) and
 * its QR code, a public form the patient fills in on their own device, and the decision
 * page. The portal calls the API for it without a token, naming the patient's browser as
 * it does for sign-in, and keeps neither the SSN nor the date of birth.
 */
@NullMarked
package io.carefin.portal.apply;

import org.jspecify.annotations.NullMarked;
