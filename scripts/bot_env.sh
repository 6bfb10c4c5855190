# Sourced by the scripts that start or train Rasa: quiet defaults and the variables that
# bot/endpoints.yml needs. Values already in the environment win.
export RASA_TELEMETRY_ENABLED=false
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export LOKET_ACTION_ENDPOINT_URL="${LOKET_ACTION_ENDPOINT_URL:-http://127.0.0.1:5055/webhook}"
export LOKET_BOT_TRACKER_URL="${LOKET_BOT_TRACKER_URL:-sqlite:///var/trackers.db}"
# SQLite does not create folders; the default tracker file lives under var/.
mkdir -p var
