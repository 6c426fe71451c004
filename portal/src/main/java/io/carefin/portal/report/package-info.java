/**
 * The practice's reports: the summary, daily funding with its plans, the applications
 * funnel and decline reasons, and trends by week or month, as tables and server-drawn
 * charts, with the API's CSV.
 */
@NullMarked
package io.carefin.portal.report;

import org.jspecify.annotations.NullMarked;
