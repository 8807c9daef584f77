extension FeatureStore {
    /// Releases the shared online store, the offline connection pushes use and the cached
    /// read plans; the LMDB environment closes once no reader holds it. A later call that
    /// needs a store opens it again.
    public func closeStores() {
        onlineReader.forgetPlans()
        stores.close()
        logger.debug("closed the stores")
    }
}
