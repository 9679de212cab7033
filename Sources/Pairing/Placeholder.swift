enum PairingPlaceholder {}
