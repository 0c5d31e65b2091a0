import ArgumentParser; import Web
