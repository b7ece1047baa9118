/**
 * libphonenumber-js with its full metadata (every country's number patterns, kept up to date from
 * Google's libphonenumber). The build bundles it into this file (gulpfile.js, `bundlePhoneLibrary`),
 * so the published package still has no runtime dependency.
 */
export {
	getCountries,
	getCountryCallingCode,
	parsePhoneNumberFromString,
	type PhoneNumber,
} from 'libphonenumber-js/max';
