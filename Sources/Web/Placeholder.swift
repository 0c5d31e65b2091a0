import Hummingbird; import HummingbirdAuth; import HummingbirdBcrypt; import Plot; import Prometheus
