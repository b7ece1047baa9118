// The item the uazapi Trigger outputs for a delivery, from what normalise() makes of it
// (fixtures/uazapi-webhooks/normalised.json): a message or a reply also says whether it is an
// opt-out. None of the fixtures is one.
const OPT_OUT_EVENTS = ['messageReceived', 'buttonOrListReply'];

function receivedItem(normalised) {
	return OPT_OUT_EVENTS.includes(normalised.event)
		? { ...normalised, optOut: false, optOutWord: null }
		: normalised;
}

module.exports = { receivedItem };
