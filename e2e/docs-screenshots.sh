#!/usr/bin/env bash
# Copies the screenshots that docs/portal.md shows from the end-to-end suite's last run (e2e/target/screenshots,
# where the browser tests write one for every page they check with axe-core) into docs/portal. Run the suite first:
#   ./mvnw verify -pl e2e -am -Dtest='PortalSignInBrowserTests,PortalWorkspaceBrowserTests,StaffConsoleBrowserTests' \
#       -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/.."
shots=(sign-in workspace-dashboard workspace-application-approved workspace-purchase-form workspace-purchase-approved
	workspace-receipt workspace-account workspace-purchases workspace-reports workspace-applications workspace-team
	workspace-resources workspace-flyer workspace-forbidden apply-form apply-approved staff-practices staff-user-locked)
for shot in "${shots[@]}"; do
	source="e2e/target/screenshots/$shot.png"
	[[ -f "$source" ]] || { echo "no $source: run the browser tests first" >&2; exit 1; }
	cp "$source" "docs/portal/$shot.png"
done
echo "copied ${#shots[@]} screenshots to docs/portal"
