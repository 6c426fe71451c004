/**
 * Patients' secrets at rest: SSNs and account numbers are stored encrypted with
 * AES-256-GCM and found by keyed hashes, never in clear.
 */
@NullMarked
package io.carefin.transaction.privacy;

import org.jspecify.annotations.NullMarked;
