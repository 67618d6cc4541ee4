package io.tidemark.warehouse.model;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one registry of warehouse models, by name. */
public final class WarehouseModels {
    private static final Map<String, WarehouseModel> MODELS = List.<WarehouseModel>of(
                    new FlowHourlyModel(),
                    new SalesModel(),
                    new UsersModel(),
                    new ArticleEventsModel(),
                    new EmailEventsModel(),
                    new SecurityFindingsModel())
            .stream().collect(Collectors.toMap(WarehouseModel::name, Function.identity(), (a, b) -> a, TreeMap::new));

    private WarehouseModels() {
    }

    /** The model of that name; fails naming the known models otherwise. */
    public static WarehouseModel named(String name) {
        WarehouseModel model = MODELS.get(name);
        if (model == null) {
            throw new ConfigException("Unknown warehouse model '" + name + "'; known models are " + MODELS.keySet());
        }
        return model;
    }

    /** Fails on a model the job spec names but Tidemark does not know, before any work. */
    public static void validate(JobSpec spec) {
        for (String model : spec.warehouseModels()) {
            if (!MODELS.containsKey(model)) {
                throw new ConfigException("Cannot run job '" + spec.job() + "': warehouseModels names '" + model
                        + "'; known models are " + MODELS.keySet());
            }
        }
    }
}
