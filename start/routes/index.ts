/*
 * Route files by audience. Each file registers its own group.
 */
import './health.js'
