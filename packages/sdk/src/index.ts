/**
 * @abordable/sdk — typed client for the abordable partner API. The generated operations and the
 * client arrive with issue 7; until then the package only fixes its name and build.
 */
export const SDK_NAME = "@abordable/sdk";
